"""What Material's search leaves out of its index: any element with a data-search-exclude attribute.

Two traps, both guarded by tests/site/test_search_index.py:
- Written with a value: inside a Markdown block (<div markdown>), Python-Markdown drops an
  attribute that has none, and the block would be indexed after all.
- Material's parser tells elements apart by tag name only: an excluded <div> ends at the first
  </div> inside it. Mark the innermost blocks, not a wrapper around blocks of the same tag."""

NOT_INDEXED = 'data-search-exclude=""'
