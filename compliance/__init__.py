"""Data-protection readiness toolkit for Moroccan offshoring firms.

Law 09-08, Decree 2-09-165 and the GDPR, as questionnaires, a scoring engine, reports and signed
bundles. Importing this package is cheap on purpose: it holds the version and nothing else, so that
``compliance --version`` and the headless commands start fast (DESIGN section 12).
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
