"""One module per command: plain values and a catalogue in, a result record out.

Nothing here prints, imports Rich or Typer, or exits: the cli package parses the command line,
calls `run` of one of these modules and hands the result to the output package. See
ARCHITECTURE.md for how to add a command.
"""
