"""First-run setup: where the user posts from, guessed from the locale and kept in config.toml."""
