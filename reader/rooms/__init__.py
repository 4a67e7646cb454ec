"""The rooms of the main screen: each concern (searching, reading, flags, jobs, feeds) in its own
module, combined by `reader.screens.main.MainScreen`."""
