"""Planning with the user's data: agenda and week from the store and settings, holidays, sessions."""
