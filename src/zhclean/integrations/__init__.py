"""Adapters to other libraries. Each module imports its library lazily, inside functions,
so that ``import zhclean`` never needs them."""
