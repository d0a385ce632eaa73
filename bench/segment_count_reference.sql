-- The reference for `segment count` in bench/segment_compare.sh: customers (joined by the end
-- of the as-of day) with three or more completed orders placed by then, more than 100.00 spent
-- on them, who accept marketing, written the way one writes it by hand: the completed orders
-- of the customers who accept marketing, grouped by customer. :as_of is the epoch of
-- 2026-06-30T23:59:59Z (sqlite3 .parameter set / psql -v). The same text runs on both.
-- Of the shapes tried, the fastest on both backends: a join to the orders grouped first
-- (GROUP BY in a derived table) took 0.55 s on SQLite and 1.5-3.0 s on PostgreSQL against
-- 0.49 s and 0.7-1.2 s for this one.
SELECT count(*)
FROM (SELECT o.customer_id
      FROM orders o
      JOIN customers c ON c.id = o.customer_id
      WHERE o.status = 'completed' AND o.ordered_at <= :as_of
        AND c.accepts_marketing = 1 AND c.created_at <= :as_of
      GROUP BY o.customer_id
      HAVING count(*) >= 3 AND sum(o.total_cents) > 10000) s;
