"""Dateline's user interface: the Textual reader and the `dateline` command."""
