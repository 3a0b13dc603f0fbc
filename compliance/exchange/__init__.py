"""Provides the exchanges with the tools people already use: XLSX answer packs, CISO Assistant
libraries and audits, OSCAL assessment results.

Every reader here takes a file a user supplies, checks it whole before anything is stored, and
lists every problem with where it is. The heavy libraries (openpyxl) are imported by the function
that needs them, and are an extra: ``pip install compliance-ma[xlsx]``.
"""
