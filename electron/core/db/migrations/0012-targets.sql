-- Children's targets, the strategies each one uses, and their reviews; and the shared strategies
-- library, written in our own words (never licensed wording). A target is closed by a review
-- (achieved, partly achieved, not achieved) or stopped; closed and stopped targets are history
-- and stay as they were (shared/domain/targets.ts).

CREATE TABLE child_targets (
  id TEXT PRIMARY KEY,
  child_id TEXT NOT NULL REFERENCES children (id),
  -- The screening the target came from, if any: a deleted screening leaves the target standing.
  screening_id TEXT REFERENCES screenings (id) ON DELETE SET NULL,
  -- The instrument section the target was chosen from (usually the screening's activity section).
  section INTEGER,
  aim TEXT NOT NULL,
  activities TEXT NOT NULL DEFAULT '',
  delivered_by TEXT NOT NULL DEFAULT '',
  how_often TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  review_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'partly-achieved', 'not-achieved', 'stopped')),
  stopped_reason TEXT NOT NULL DEFAULT '',
  -- When it stopped being active (closed by a review or stopped).
  closed_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (review_date >= start_date)
) STRICT;

-- A child's targets, and "due for review" in one setting: the setting's children, then each
-- child's active targets by review date. An index on (status, review_date) alone would lead the
-- planner to read every due target in the local authority and throw most away.
CREATE INDEX child_targets_by_child ON child_targets (child_id, status, review_date);

CREATE TABLE child_target_strategies (
  target_id TEXT NOT NULL REFERENCES child_targets (id) ON DELETE CASCADE,
  strategy_id TEXT NOT NULL REFERENCES strategies (id),
  PRIMARY KEY (target_id, strategy_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX child_target_strategies_by_strategy ON child_target_strategies (strategy_id);

CREATE TABLE target_reviews (
  id TEXT PRIMARY KEY,
  target_id TEXT NOT NULL REFERENCES child_targets (id) ON DELETE CASCADE,
  review_date TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  progress TEXT NOT NULL CHECK (progress IN ('none', 'some', 'good', 'met')),
  note TEXT NOT NULL DEFAULT '',
  -- The status the review left the target in; active reviews carry the next review date.
  status TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'partly-achieved', 'not-achieved')),
  next_review_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'active') = (next_review_date IS NOT NULL))
) STRICT;

CREATE INDEX target_reviews_by_target ON target_reviews (target_id, review_date);

-- The shared library: fixed ids so every install (and every laptop that later syncs) agrees.
INSERT INTO strategies (id, setting_id, group_name, title, description, home_version, archived_at, created_at, updated_at) VALUES
  ('5a7e0000-0000-4000-8000-000000000001', NULL, 'interaction', 'Get down to the child''s level',
   'Sit, kneel or crouch so your face is level with the child''s and you can both see what they are looking at. Join in with what has caught their interest rather than steering them to something new.',
   'At play or bath time, get down low and join in with whatever your child has picked up.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000002', NULL, 'interaction', 'Comment more, question less',
   'Talk about what the child is doing and seeing instead of testing them with questions. Aim for several comments to each question, so the child hears plenty of words without being put on the spot.',
   'Instead of asking "What''s that?", say what you both see: "A big red bus!"', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000003', NULL, 'interaction', 'Wait for the child',
   'After you speak, pause and count slowly to ten in your head before saying anything else. Many young children need that long to work out what they want to say.',
   'When you have said something, count to ten in your head before you talk again.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000004', NULL, 'interaction', 'Answer every attempt',
   'Treat every look, point, sound or word as the child''s turn and reply to it warmly. Children try to communicate more when they find their efforts get an answer.',
   'If your child points, babbles or says part of a word, answer as if they had said it all.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000005', NULL, 'interaction', 'Running commentary',
   'Describe what the child is doing while they do it, in short simple phrases, like a sports commentator. This links words to actions at the moment the child is thinking about them.',
   'While your child plays, say what they are doing: "Pushing the car. Fast! Crash!"', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000006', NULL, 'interaction', 'Name things, actions and feelings',
   'Give the words for the objects, actions and feelings the child meets through the day, and say them more than once. Hearing a word many times, in different places, helps it stick.',
   'Name things as you use them: "Spoon. Your spoon. Stir, stir, stir."', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000007', NULL, 'interaction', 'Say it back and add a word',
   'Repeat what the child said and add one more word, so "car" becomes "red car" or "car going". This shows the next step without asking the child to copy you.',
   'When your child says one word, say it back with one more word added.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000008', NULL, 'interaction', 'Show the right way without correcting',
   'When a word or sentence comes out wrongly, reply using the right form in a natural way instead of pointing out the mistake. "I goed park" is met with "You went to the park!"',
   'If a word comes out wrong, just say it back the right way and carry on chatting.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000009', NULL, 'interaction', 'Keep the conversation going',
   'Keep a back-and-forth going for several turns, staying with the child''s topic. Each extra turn is practice in listening, answering and taking part.',
   'See how many times you can pass a chat back and forth about one thing.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000010', NULL, 'interaction', 'Slow, simple talk',
   'Speak a little more slowly, in short sentences, and stress the important words. Cut down background noise so the child can hear you clearly.',
   'Turn the television off and use short, slow sentences when you want your child to listen.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000011', NULL, 'routines', 'Offer choices',
   'Hold up two things and name them, so the child can answer by looking, pointing or saying the word. A choice gives a reason to communicate and the words needed to do it.',
   'At snack time, hold up two foods and ask: "Apple or banana?"', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000012', NULL, 'environment', 'Show as well as say',
   'Back up spoken words with real objects, pictures, gestures or signs. Seeing as well as hearing helps children understand, and gives them another way to reply.',
   'Point to or hold up what you are talking about as you say it.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000013', NULL, 'environment', 'A communication-friendly room',
   'Set up quiet, cosy places for talking, keep noise down and displays clear and uncluttered. Keep some favourite things in sight but just out of reach, so children have a reason to ask.',
   'Make a cosy corner with cushions and a few books where you can sit and talk together.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000014', NULL, 'environment', 'Picture timetable',
   'Show the order of the day with photos or pictures at the children''s eye level, and go back to it as each part of the day changes. Knowing what comes next helps children listen and cope with change.',
   'Take photos of your morning routine and stick them in order on the fridge.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000015', NULL, 'routines', 'Talk through daily routines',
   'Use the same short phrases each time at nappy changes, handwashing, snack and tidying up. Routines happen every day, so they give a natural chance to hear and use the same words again and again.',
   'Use the same few words each day when getting dressed: "Arm in. Other arm. Coat on!"', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000016', NULL, 'routines', 'Share books together',
   'Share books by talking about the pictures, pausing for the child to join in and following what interests them, rather than reading every word. Go back to favourite books so the child can say more each time.',
   'Look at a book together and talk about the pictures; you do not have to read every word.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000017', NULL, 'routines', 'Songs and rhymes with pauses',
   'Sing familiar songs and rhymes, then stop just before a key word and wait for the child to fill the gap with a word, a sound or an action.',
   'Sing a favourite song and stop before the last word to let your child finish it.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000018', NULL, 'parents', 'Lend books to families',
   'Lend books to families and show them a couple of simple ways to share a book that suit their child. A short chat at pick-up about a story the child enjoyed helps carry it on at home.',
   'Choose a book from the setting to take home and share it at bedtime.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000019', NULL, 'parents', 'Share a strategy with parents',
   'Tell parents which strategy the setting is using with their child, show it in action, and agree one thing to try at home. Ask at the next chat how it went.',
   'Pick one idea the setting has shared and try it for a few minutes every day.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z'),
  ('5a7e0000-0000-4000-8000-000000000020', NULL, 'parents', 'Keep the home language strong',
   'Encourage families to keep using the language they know best at home. A strong first language helps a child learn English as well.',
   'Chat, sing and share books in whichever language feels most natural to your family.', NULL, '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z');
