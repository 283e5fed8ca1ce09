"""Pure computations on the project: total cost of ownership, market scan, evaluation
rules, brand detection, drafting criteria, the scorecard, provinces, time zones,
addresses and the support matrix's values and CSV."""
