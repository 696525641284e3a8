"""The central server (extra ``server``): FastAPI over its own tables and migrations.

It shares desk.domain with the desk (one lifecycle, one audit-chain rule) and nothing else
of the desk: no services, no CLI, no screens (an import-linter contract checks it).
"""
