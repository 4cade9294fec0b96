"""Eligibility self-check: the candidate profile, one Python engine, the rules JSON for the browser engine, and /eligibility/."""
