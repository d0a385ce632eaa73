-- The reference for `segment rfm --format csv` in bench/segment_compare.sh, for sqlite3 -csv
-- -header: per customer with a completed order as of :as_of (sqlite3 .parameter set), in id
-- order, email, recency_days, frequency, monetary, r, f, m, group, scored as docs/rfm.md says:
-- type-7 quantile breaks at 20/40/60/80 % plus one unit (1 day, 1 order, 1.00), kept exact by
-- scaling them by 5; a score counts the breaks reached (value >= break); recency the other way.
-- Each measure is sorted once (ROW_NUMBER) and only the eight values the breaks need are kept.
WITH m AS MATERIALIZED (
    SELECT c.id, c.email,
           (:as_of - max(o.ordered_at)) / 86400 AS rd,
           count(*) AS fq,
           sum(o.total_cents) AS mc
    FROM customers c
    JOIN orders o ON o.customer_id = c.id AND o.status = 'completed' AND o.ordered_at <= :as_of
    WHERE c.created_at <= :as_of
    GROUP BY c.id
),
pos AS MATERIALIZED (
    SELECT k.k, (n.c - 1) * k.k / 5 AS lo, (n.c - 1) * k.k % 5 AS rem
    FROM (SELECT count(*) AS c FROM m) n,
         (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k
),
wanted AS MATERIALIZED (SELECT lo AS i FROM pos UNION SELECT lo + 1 FROM pos),
sr AS (SELECT i, v FROM (SELECT rd AS v, row_number() OVER (ORDER BY rd) - 1 AS i FROM m)
       WHERE i IN wanted),
sf AS (SELECT i, v FROM (SELECT fq AS v, row_number() OVER (ORDER BY fq) - 1 AS i FROM m)
       WHERE i IN wanted),
sm AS (SELECT i, v FROM (SELECT mc AS v, row_number() OVER (ORDER BY mc) - 1 AS i FROM m)
       WHERE i IN wanted),
-- 5 * (x[lo] + rem / 5 * (x[lo + 1] - x[lo]) + unit), one row per measure and k
br AS (
    SELECT 'r' AS measure, p.k,
           5 * lo.v + p.rem * (coalesce(hi.v, lo.v) - lo.v) + 5 AS b
    FROM pos p JOIN sr lo ON lo.i = p.lo LEFT JOIN sr hi ON hi.i = p.lo + 1
    UNION ALL
    SELECT 'f', p.k, 5 * lo.v + p.rem * (coalesce(hi.v, lo.v) - lo.v) + 5
    FROM pos p JOIN sf lo ON lo.i = p.lo LEFT JOIN sf hi ON hi.i = p.lo + 1
    UNION ALL
    SELECT 'm', p.k, 5 * lo.v + p.rem * (coalesce(hi.v, lo.v) - lo.v) + 500
    FROM pos p JOIN sm lo ON lo.i = p.lo LEFT JOIN sm hi ON hi.i = p.lo + 1
),
b AS MATERIALIZED (
    SELECT max(CASE WHEN measure = 'r' AND k = 1 THEN b END) AS r1,
           max(CASE WHEN measure = 'r' AND k = 2 THEN b END) AS r2,
           max(CASE WHEN measure = 'r' AND k = 3 THEN b END) AS r3,
           max(CASE WHEN measure = 'r' AND k = 4 THEN b END) AS r4,
           max(CASE WHEN measure = 'f' AND k = 1 THEN b END) AS f1,
           max(CASE WHEN measure = 'f' AND k = 2 THEN b END) AS f2,
           max(CASE WHEN measure = 'f' AND k = 3 THEN b END) AS f3,
           max(CASE WHEN measure = 'f' AND k = 4 THEN b END) AS f4,
           max(CASE WHEN measure = 'm' AND k = 1 THEN b END) AS m1,
           max(CASE WHEN measure = 'm' AND k = 2 THEN b END) AS m2,
           max(CASE WHEN measure = 'm' AND k = 3 THEN b END) AS m3,
           max(CASE WHEN measure = 'm' AND k = 4 THEN b END) AS m4
    FROM br
),
s AS (
    SELECT m.id, m.email, m.rd, m.fq, m.mc,
           5 - ((5 * m.rd >= b.r1) + (5 * m.rd >= b.r2) + (5 * m.rd >= b.r3)
                + (5 * m.rd >= b.r4)) AS r,
           1 + (5 * m.fq >= b.f1) + (5 * m.fq >= b.f2) + (5 * m.fq >= b.f3)
             + (5 * m.fq >= b.f4) AS f,
           1 + (5 * m.mc >= b.m1) + (5 * m.mc >= b.m2) + (5 * m.mc >= b.m3)
             + (5 * m.mc >= b.m4) AS m
    FROM m, b
)
SELECT email, rd AS recency_days, fq AS frequency,
       printf('%d.%02d', mc / 100, mc % 100) AS monetary, r, f, m,
       CASE
           WHEN r = 5 AND f = 5 AND m = 5 THEN 'champions'
           WHEN r BETWEEN 3 AND 5 AND f BETWEEN 3 AND 5 AND m BETWEEN 2 AND 5
               THEN 'potential_loyalists'
           WHEN r BETWEEN 2 AND 4 AND f BETWEEN 2 AND 4 AND m BETWEEN 2 AND 4
               THEN 'loyal_customers'
           WHEN r BETWEEN 3 AND 4 AND f BETWEEN 1 AND 3 AND m BETWEEN 3 AND 5 THEN 'promising'
           WHEN r BETWEEN 4 AND 5 AND f BETWEEN 1 AND 3 THEN 'new_customers'
           WHEN r BETWEEN 1 AND 2 AND f BETWEEN 3 AND 4 AND m BETWEEN 4 AND 5
               THEN 'cant_lose_them'
           WHEN r BETWEEN 1 AND 2 AND f BETWEEN 2 AND 5 AND m BETWEEN 4 AND 5 THEN 'at_risk'
           WHEN r BETWEEN 1 AND 3 AND f BETWEEN 3 AND 5 AND m BETWEEN 3 AND 5
               THEN 'need_attention'
           WHEN r BETWEEN 2 AND 3 AND f BETWEEN 1 AND 3 AND m BETWEEN 1 AND 4
               THEN 'about_to_sleep'
           WHEN r = 1 THEN 'lost'
           WHEN r BETWEEN 2 AND 3 THEN 'hibernating'
           ELSE 'others'
       END AS "group"
FROM s
ORDER BY id;
