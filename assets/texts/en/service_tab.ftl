# The Service tab (ui::service_panel).

service-needs-files = The Service tab reads customer service messages (customer, time, message; a reply and an intent column help) and product reviews (product, review text; stars help). Load one of them in the Data tab.
service-recompute = Read again
service-reading = Reading messages and reviews…
service-cancel = Cancel
service-stopped = Reading messages and reviews
service-summary = { $messages } messages; { $positive } read as positive by the
service-sentiment = sentiment model
service-sentiment-meaning = How positive a text reads, 0–1, from a Chinese shopping-review model bundled with the app; it was right on { $accuracy } of { $held_out } reviews it had not seen.
service-intents = What customers ask about
service-intents-meaning = Each message's intent: the label your team gave it, or the one a model trained on those labels predicts.
service-intents-explained = Learned from the messages labelled in the file's intent column and below; the rest are predicted. The words are those that mark each intent most.
service-no-intents = No intents yet: { $why }
service-col-intent = Intent
service-col-messages = Messages
service-col-share = Share
service-col-labelled = Labelled
service-col-words = Marking words
service-col-example = Example
service-volume = Messages per intent per month
service-volume-axis = messages
service-least-sure = Label these next
service-least-sure-meaning = Unlabelled messages the model is least sure about: labelling them teaches it the most.
service-col-row = File and row
service-col-message = Message
service-col-guess = Model's guess
service-suggest = Suggested replies
service-suggest-meaning = Past customer messages most like the one typed, found by word overlap (BM25), with the reply an agent gave.
service-suggest-explained = Type or paste a customer's message: the closest past questions and their replies are shown, best first. A score is 1 for the same words and 0 for none in common.
service-suggest-label = Customer message:
service-suggest-hint = e.g. 我的快递到哪了
service-suggest-button = Suggest
service-no-match = No good match for “{ $query }” among past answered messages: answer it yourself, and it becomes a suggestion next time.
service-col-score = Score
service-col-past-message = Past message
service-col-reply = Reply given
service-signals = Customer signals
service-signals-meaning = Per customer who wrote: days since the last contact, contacts in 30 and 90 days, a complaint in the last 30 days, discount questions without a purchase after, and mean sentiment.
service-signals-explained = Measured as of the last message or order. These are joined on the customer for segments and campaigns.
service-signals-summary = { $customers } customers wrote; { $complained } complained in the last 30 days; { $discount } asked about discounts in the last 30 days and did not buy after.
service-products = Product voice
service-products-meaning = Per product, and per category below it: reviews, mean stars, the share of negative reviews (1–2 stars, or a negative text without stars), and whether that share rose in the last 90 days.
service-products-explained = { $reviews } reviews, { $negative } negative in the shop. Flagged products are clearly worse than the shop; their complaints are the words that set their negative reviews apart.
service-col-product = Product
service-col-reviews = Reviews
service-col-rating = Stars
service-col-negative = Negative
service-col-recent = Last 90 days vs before
service-col-flag = Flag
service-col-complaints = Complaints
service-recent-vs-earlier = { $recent } vs { $earlier }
service-flag-bad = worse than the shop
service-flag-dropped = dropped recently
service-most-common-meaning = No intent model yet: these are the most common messages. Give at least two intents a label each and train.
service-labels-status = Your labels: { $intents } { $i ->
        [one] intent
       *[other] intents
    }, { $moods } { $m ->
        [one] mood
       *[other] moods
    }; { $not_used } not used yet.
service-retrain = Train with my labels
service-retrain-hover = Reads the messages again with every label you gave: intents are learned again and the sentiment model is fine-tuned on your moods. The list below then shows the next messages to label.
service-new-intent = New intent:
service-new-intent-hint = e.g. 催发货
service-new-intent-add = Add
service-col-label = Your label
service-col-mood = Mood
service-mood-positive = positive
service-mood-negative = negative
service-fine-tuned = (fine-tuned on { $labels } of your mood labels)
service-faq = FAQ
service-faq-hover = Writes the questions customers ask often, each with the reply agents gave it most, how often it was asked and its intent.
service-faq-writes = common questions with their best reply
service-faq-needs-intents = The FAQ groups questions by intent: label some messages with an intent and train first.
service-faq-not-read = The messages are not read yet: wait for the Service tab to finish reading.
service-faq-wrote = Wrote { $count } questions to { $path }
service-categories = By category ({ $reviews } reviews of products with a known category):
service-col-category = Category
