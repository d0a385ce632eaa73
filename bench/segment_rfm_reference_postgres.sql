-- The reference for `segment rfm --format csv` in bench/segment_compare.sh, for psql --csv:
-- per customer with a completed order as of :as_of (psql -v), in id order, email,
-- recency_days, frequency, monetary, r, f, m, group, scored as docs/rfm.md says: type-7
-- quantile breaks at 20/40/60/80 % plus one unit (1 day, 1 order, 1.00), kept exact by scaling
-- them by 5; a score counts the breaks reached (value >= break); recency the other way.
-- Each measure is sorted once into an array (array_agg ... ORDER BY) and indexed; the float
-- percentile_cont() would be type 7 too but can land a hair off a break that falls on a whole
-- cent.
WITH m AS MATERIALIZED (
    SELECT c.id, c.email,
           (:as_of - max(o.ordered_at)) / 86400 AS rd,
           count(*) AS fq,
           sum(o.total_cents)::bigint AS mc
    FROM customers c
    JOIN orders o ON o.customer_id = c.id AND o.status = 'completed' AND o.ordered_at <= :as_of
    WHERE c.created_at <= :as_of
    GROUP BY c.id
),
sorted AS (
    SELECT count(*) AS n,
           array_agg(rd ORDER BY rd) AS r, array_agg(fq ORDER BY fq) AS f,
           array_agg(mc ORDER BY mc) AS m
    FROM m
),
-- 5 * (x[lo] + rem / 5 * (x[lo + 1] - x[lo]) + unit); arrays are 1-based
brk AS (
    SELECT array_agg(5 * r[lo + 1] + rem * (coalesce(r[lo + 2], r[lo + 1]) - r[lo + 1]) + 5
                     ORDER BY k) AS rb,
           array_agg(5 * f[lo + 1] + rem * (coalesce(f[lo + 2], f[lo + 1]) - f[lo + 1]) + 5
                     ORDER BY k) AS fb,
           array_agg(5 * m[lo + 1] + rem * (coalesce(m[lo + 2], m[lo + 1]) - m[lo + 1]) + 500
                     ORDER BY k) AS mb
    FROM sorted, generate_series(1, 4) AS k,
         LATERAL (SELECT (n - 1) * k / 5 AS lo, (n - 1) * k % 5 AS rem) p
),
s AS (
    SELECT m.id, m.email, m.rd, m.fq, m.mc,
           5 - ((5 * m.rd >= rb[1])::int + (5 * m.rd >= rb[2])::int + (5 * m.rd >= rb[3])::int
                + (5 * m.rd >= rb[4])::int) AS r,
           1 + (5 * m.fq >= fb[1])::int + (5 * m.fq >= fb[2])::int + (5 * m.fq >= fb[3])::int
             + (5 * m.fq >= fb[4])::int AS f,
           1 + (5 * m.mc >= mb[1])::int + (5 * m.mc >= mb[2])::int + (5 * m.mc >= mb[3])::int
             + (5 * m.mc >= mb[4])::int AS m
    FROM m, brk
)
SELECT email, rd AS recency_days, fq AS frequency,
       (mc / 100) || '.' || lpad((mc % 100)::text, 2, '0') AS monetary, r, f, m,
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
