"""The contract clause library: the catalogue read from ``templates/clauses/``, the
families and conditions, and the sandboxed renderer."""
