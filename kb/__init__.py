"""The knowledge base: data loading, validation and page generation.

Nothing in this package imports MkDocs. The hooks in ../hooks are thin adapters that call
these functions, so the same generators could serve another site engine.
"""
