# The voice of the customer: service messages and reviews read together (analysis::voice).

voice-what = Reading service messages and reviews
voice-needs-files = load a service messages file (customer, time, message) or a reviews file (product, review text) first.
