"""Use cases and side effects around the pure core, one package per capability."""
