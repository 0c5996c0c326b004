-- A finer sample of the members' search text, so that PostgreSQL's estimate of how many
-- members a searched word matches does not swing with each ANALYZE's sample (at 100k
-- members this one reads them all). With the default sample, one ANALYZE in three or four
-- on the 100k set made the capped count of a common name («محمد», «ابراهيم») a sequential
-- scan (18–27 ms) instead of the trigram index (3 ms), and one made the page of «احمد
-- العتيبي» walk the newest-first index through 14,740 members (68 ms) instead of reading its
-- 176 matches (2 ms). The price: planning a search statement reads the larger sample,
-- ~0.5 ms more per searched word. The statistics are gathered by the next ANALYZE.
ALTER TABLE "Member" ALTER COLUMN "searchText" SET STATISTICS 1000;
