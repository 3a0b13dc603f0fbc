"""Provides signed report bundles: keys, DSSE envelopes, the trust store and offline verification.

A bundle is one zip holding a DSSE envelope (an in-toto Statement v1 over every other file), the
assessment, the published questionnaire, the result and the report. Verification re-derives the
score with the engine from the registry's copy of the questionnaire (``docs/adr/0006-signing.md``).
Nothing here imports ``cryptography`` or ``jinja2`` until a function needs it.
"""
