"""careers: a terminal explorer for the careers of the NHS in England."""

__version__ = "0.1.0"
