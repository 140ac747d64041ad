//! Tests of suggested replies and the FAQ on planted messages.

use super::*;
use crate::analysis::service::planted::{PlantedMessage, QUESTIONS, messages};
use crate::analysis::service::tokens::tokenize;

fn indexed(count: usize, seed: u64) -> (Vec<PlantedMessage>, Vec<Vec<String>>, ReplyIndex) {
    let m = messages(count, seed, 0.0);
    let docs: Vec<Vec<String>> = m.iter().map(|m| tokenize(&m.text)).collect();
    let index = ReplyIndex::build(&docs);
    (m, docs, index)
}

/// Hand-written rewordings of planted questions: (query, intent, question).
const PARAPHRASES: [(&str, usize, usize); 10] = [
    ("我的快递现在到哪了", 0, 1),
    ("退款多久能到账", 1, 1),
    ("身高170应该穿什么码", 2, 0),
    ("洗了一次就掉色了怎么办", 3, 1),
    ("有没有优惠券可以用", 4, 0),
    ("可以开增值税发票吗", 5, 0),
    ("支付一直失败怎么回事", 6, 0),
    ("这款现在有现货吗", 7, 0),
    ("where is my package now", 0, 1),
    ("can I get an invoice for it", 5, 0),
];

/// Questions no planted message answers; the first ones share greetings and
/// fillers with many messages.
const UNRELATED: [&str; 7] = [
    "你们老板今天开心吗",
    "今天下雨了",
    "订单号是多少",
    "这个衣服放在哪个柜子",
    "今天天气怎么样",
    "what is the capital of france",
    "🙂🙂",
];

#[test]
fn a_paraphrase_retrieves_the_reply_of_its_question() {
    let (m, _, index) = indexed(3_000, 21);
    let mut good = 0;
    for (query, intent, question) in PARAPHRASES {
        let top = index.search(&tokenize(query), 3);
        assert!(!top.is_empty(), "{query}");
        let best = &m[top[0].doc];
        assert_eq!(
            (best.intent, best.question),
            (intent, question),
            "{query} -> {}",
            best.text
        );
        assert_eq!(
            QUESTIONS[best.intent][best.question].1,
            QUESTIONS[intent][question].1
        );
        assert!(top.windows(2).all(|p| p[0].score >= p[1].score));
        good += usize::from(top[0].score >= GOOD_MATCH);
    }
    // Measured: eight of ten score 0.56 or more; the two that add two words the
    // shop's messages never use score 0.23 and 0.30 (below the bar: shown as "no
    // good match" though their best match is right).
    assert!(good >= 8, "{good} of 10 above GOOD_MATCH");
}

#[test]
fn an_unrelated_question_has_no_good_match() {
    let (_, _, index) = indexed(3_000, 22);
    for query in UNRELATED {
        let best = index
            .search(&tokenize(query), 1)
            .first()
            .map_or(0.0, |m| m.score);
        assert!(best < GOOD_MATCH, "{query}: {best}");
    }
}

#[test]
fn a_past_message_matches_itself_fully_and_scores_stay_in_range() {
    let (_, docs, index) = indexed(500, 23);
    let query = &docs[7];
    let top = index.search(query, 500);
    assert!((top[0].score - 1.0).abs() < 1e-6, "{:?}", top[0]);
    assert!(top.iter().all(|m| m.score > 0.0 && m.score <= 1.0));
    assert!(index.search(&[], 3).is_empty());
    assert!(index.search(query, 0).is_empty());
    assert!(ReplyIndex::build(&[]).search(query, 3).is_empty());
    // An extra unknown word lowers the score of the same message.
    let mut longer = query.clone();
    longer.push("zzqx".to_string());
    assert!(index.search(&longer, 1)[0].score < top[0].score);
}

#[test]
fn the_faq_groups_a_question_with_the_reply_agents_gave_most() {
    let (m, docs, _) = indexed(4_000, 24);
    let intents: Vec<usize> = m.iter().map(|m| m.intent).collect();
    let replies: Vec<Option<&str>> = m
        .iter()
        .enumerate()
        .map(|(i, m)| (i % 20 != 0).then_some(m.reply.as_str()))
        .collect();
    let entries = faq(
        &docs,
        &intents,
        &replies,
        &FaqParams::default(),
        &Progress::detached(),
    )
    .expect("not cancelled");
    assert!(entries.windows(2).all(|p| p[0].count >= p[1].count));
    let big: Vec<&FaqEntry> = entries.iter().filter(|e| e.count >= 20).collect();
    // 24 questions, each with three Chinese wordings and one English.
    assert!(big.len() >= 24, "{} entries", big.len());
    for e in &big {
        let q = &m[e.question];
        assert_eq!(e.intent, q.intent);
        assert_eq!(e.reply, QUESTIONS[q.intent][q.question].1, "{}", q.text);
    }
    // Every question has an entry.
    for (intent, questions) in QUESTIONS.iter().enumerate() {
        for question in 0..questions.len() {
            assert!(
                big.iter()
                    .any(|e| m[e.question].intent == intent && m[e.question].question == question)
            );
        }
    }
    let progress = Progress::detached();
    progress.cancel();
    assert!(faq(&docs, &intents, &replies, &FaqParams::default(), &progress).is_err());
}
