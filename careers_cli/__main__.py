"""`python -m careers_cli` runs the same command line as `careers`."""

from careers_cli.cli import main

main()
