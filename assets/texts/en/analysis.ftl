
# Errors of the analyses (analysis::lines::AnalysisError).
analysis-missing-column = the order lines have no '{ $column }' column; map a column to { $role } when loading
analysis-needs-money = { $what } needs a price or amount column, and the orders have neither: map a column to unit price or line amount (Data tab, "Change how it is read"; on the command line --price or --amount)
analysis-cancelled = cancelled
