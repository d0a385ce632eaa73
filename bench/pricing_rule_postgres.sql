-- The default repricing rule as one SELECT for psql: the PostgreSQL baseline of
-- "merchantdesk-cli reprice --dry-run --format csv" (docs/BENCHMARKS.md). Same arithmetic as
-- the engine: cents × 10^6 in bigint, clamp to ±15 %, floor max(min price, cost), ceiling max
-- price, round half up; no decision when the price stays.
WITH p AS (
    SELECT id, sku, title, stock_level, demand_score,
           round(demand_score * 100)::bigint AS dh,
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
SELECT sku, title, stock_level, round(demand_score::numeric, 2) AS demand_score,
       (cur / 100) || '.' || lpad((cur % 100)::text, 2, '0') AS old_price,
       (newp / 100) || '.' || lpad((newp % 100)::text, 2, '0') AS new_price,
       round((newp - cur) * 100.0 / NULLIF(cur, 0), 2) AS change_pct,
       CASE WHEN stock_level < 20 THEN 'Low stock (' ELSE 'Normal stock (' END
           || stock_level || '), demand ' || round(demand_score::numeric, 2) || ': '
           || CASE WHEN proposed >= cur * 1000000 THEN '+' ELSE '' END
           || round((proposed - cur * 1000000) * 100.0 / NULLIF(cur * 1000000, 0), 1) || ' %'
           || CASE WHEN proposed > cur * 1150000 THEN ', capped at +15 %'
                   WHEN proposed < cur * 850000 THEN ', capped at -15 %' ELSE '' END
           || CASE WHEN clamped < floor * 1000000 THEN '; raised to the floor'
                   WHEN ceil IS NOT NULL AND clamped > ceil * 1000000
                   THEN '; lowered to the maximum price' ELSE '' END AS reason
FROM f WHERE newp <> cur ORDER BY id;
