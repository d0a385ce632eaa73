-- Applying the default repricing rule in plain SQL on PostgreSQL: one INSERT into
-- price_changes (with the rule's SELECT) and one UPDATE of products, in one transaction. The
-- baseline for applying all decisions with "merchantdesk-cli reprice" (docs/BENCHMARKS.md).
BEGIN;
INSERT INTO price_runs (source, started_by, started_at, parameters)
VALUES ('cli', 'bench', EXTRACT(EPOCH FROM now())::bigint, '{}');
INSERT INTO price_changes (product_id, run_id, old_price_cents, new_price_cents, changed_at,
                           reason)
WITH p AS (
    SELECT id, stock_level, demand_score, round(demand_score * 100)::bigint AS dh,
           base_price_cents AS base, current_price_cents AS cur,
           GREATEST(COALESCE(min_price_cents, 0), COALESCE(cost_cents, 0)) AS floor,
           max_price_cents AS ceil
    FROM products
    WHERE base_price_cents > 0 AND stock_level <= 100
      AND (cost_cents IS NOT NULL OR min_price_cents IS NOT NULL)
), r AS (
    SELECT *, CASE WHEN stock_level < 20 THEN cur ELSE base END * 1000000 + base * 500 * dh
              AS proposed
    FROM p WHERE ceil IS NULL OR floor <= ceil
), c AS (
    SELECT *, LEAST(GREATEST(proposed, cur * 850000), cur * 1150000) AS clamped FROM r
), g AS (
    SELECT *, CASE WHEN ceil IS NOT NULL AND GREATEST(clamped, floor * 1000000) > ceil * 1000000
                   THEN ceil * 1000000 ELSE GREATEST(clamped, floor * 1000000) END AS railed
    FROM c
), f AS (
    SELECT *, (railed + 500000) / 1000000 AS newp FROM g
)
SELECT id, (SELECT MAX(id) FROM price_runs), cur, newp, EXTRACT(EPOCH FROM now())::bigint,
       CASE WHEN stock_level < 20 THEN 'Low stock (' ELSE 'Normal stock (' END
           || stock_level || '), demand ' || round(demand_score::numeric, 2) || ': '
           || CASE WHEN proposed >= cur * 1000000 THEN '+' ELSE '' END
           || round((proposed - cur * 1000000) * 100.0 / NULLIF(cur * 1000000, 0), 1) || ' %'
           || CASE WHEN proposed > cur * 1150000 THEN ', capped at +15 %'
                   WHEN proposed < cur * 850000 THEN ', capped at -15 %' ELSE '' END
FROM f WHERE newp <> cur;
UPDATE products p SET current_price_cents = c.new_price_cents, updated_at = c.changed_at
FROM price_changes c
WHERE c.run_id = (SELECT MAX(id) FROM price_runs) AND p.id = c.product_id;
UPDATE price_runs SET finished_at = EXTRACT(EPOCH FROM now())::bigint,
       change_count = (SELECT COUNT(*) FROM price_changes WHERE run_id = price_runs.id)
WHERE id = (SELECT MAX(id) FROM price_runs);
COMMIT;
