"""Typed settings: the shipped defaults in config/, overlaid by the user's TOML, one module per area."""
