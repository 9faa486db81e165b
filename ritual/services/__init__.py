"""Side effects around the pure core: holidays, planning from the store, demo data, exports."""
