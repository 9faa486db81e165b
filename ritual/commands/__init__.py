"""Thin click commands: parse options, call a service, render the answer."""
