"""Generator for the carbon-market certification catalogue site."""
