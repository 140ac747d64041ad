# What the customer tables' score columns mean (ui::glossary): header tooltips.

glossary-propensity = Chance this customer orders within the propensity window (90 days by default), without any campaign: 0.30 means 3 in 10 such customers do.
glossary-churn-risk = 1 − propensity: the chance of no order within the window. Above the high threshold the customer is in the high risk bucket.
glossary-risk-bucket = Churn risk cut at the Value tab's thresholds: low, medium or high.
glossary-p-alive = Chance the customer still buys from you at all (MBG/NBD): it falls the longer they stay away compared with how often they used to buy. A customer can be alive yet unlikely to order in the next 90 days.
glossary-predicted-purchases = Purchase days expected within the CLV horizon (365 days by default).
glossary-clv = Expected spend within the CLV horizon: predicted purchases × expected spend per purchase (Gamma-Gamma), discounted when a rate is set.
glossary-next-order = The day by which this customer's chance of having ordered again reaches one half, counting the chance they have left; "none within N days" when that does not happen within the CLV horizon.
