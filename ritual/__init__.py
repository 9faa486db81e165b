"""ritual: plan, remember and reflect before writing physical letters and cards."""

__version__ = "0.1.0"
