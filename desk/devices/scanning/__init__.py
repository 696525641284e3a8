"""Document scanners (SANE, watched folder, file import, Windows stub) and scan → PDF.

Modules: base (Protocol, states, errors), sane_backend, watched, files, windows, fake,
factory (office setting → scanner), pdf + pdfwriter (legal and compact copies), documents
(files → both copies). Nothing is imported or opened at import time.
"""
