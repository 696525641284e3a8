"""Reusable widgets of the desk TUI."""
