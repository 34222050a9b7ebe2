"""`python -m careers_cli` runs the same command line as `careers`."""

from careers_cli.entry import main

main()
