# Customer service text: errors of the intent, sentiment and reply models.

service-intent-model = The intent model
service-sentiment-model = The sentiment model
service-labels-mismatch = { $labels } labels for { $messages } messages: give one label (or none) for each message.
service-needs-two-intents = Label messages with at least two different intents; { $found } so far.
service-too-few-labels = The intent “{ $intent }” has { $labelled } labelled messages: label at least { $min } for each intent.
service-calibration = Calibration from star ratings
service-needs-both-ratings = Needs reviews rated 4 or 5 stars and reviews rated 1 or 2; found { $high } and { $low }.
