# The voice of the customer: service messages and reviews read together (analysis::voice).

voice-what = Reading service messages and reviews
voice-needs-files = load a service messages file (customer, time, message) or a reviews file (product, review text) first.
voice-labels-file = The labels file { $file }
voice-labels-need-message = it needs a "message" column with the messages' text, and an "intent" or "mood" column.
voice-labels-need-label = it needs an "intent" column, a "mood" column (positive or negative), or both, beside "message".
voice-labels-bad-mood = row { $row } has the mood "{ $value }": write positive or negative (正面 or 负面), or leave it empty.
