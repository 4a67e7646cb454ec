"""The panes of the main screen; each turns low-level events into domain messages."""
