"""sitrep: conflict news in, attributed events and casualty claims out."""

__version__ = "0.1.0"
