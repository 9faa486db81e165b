"""The everyday calls (`ritual`, `ritual week`, `ritual upcoming`) read and shown without loading click."""
