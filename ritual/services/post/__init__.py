"""The post: addresses laid out by country, envelopes and label sheets as PDF."""
