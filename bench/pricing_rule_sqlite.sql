-- The default repricing rule as one SELECT for the sqlite3 shell: the baseline that
-- "merchantdesk-cli reprice --dry-run --format csv" is measured against (docs/BENCHMARKS.md).
-- Same arithmetic as the engine: cents × 10^6, clamp to ±15 %, floor max(min price, cost),
-- ceiling max price, round half up; no decision when the price stays.
WITH p AS (
    SELECT id, sku, title, stock_level, demand_score,
           CAST(ROUND(demand_score * 100) AS INTEGER) AS dh,
           base_price_cents AS base, current_price_cents AS cur,
           MAX(COALESCE(min_price_cents, 0), COALESCE(cost_cents, 0)) AS floor,
           max_price_cents AS ceil
    FROM products
    WHERE base_price_cents > 0 AND stock_level <= 100
      AND (cost_cents IS NOT NULL OR min_price_cents IS NOT NULL)
), r AS (
    SELECT *, CASE WHEN stock_level < 20 THEN cur ELSE base END * 1000000 + base * 500 * dh
              AS proposed
    FROM p WHERE ceil IS NULL OR floor <= ceil
), c AS (
    SELECT *, MIN(MAX(proposed, cur * 850000), cur * 1150000) AS clamped FROM r
), g AS (
    SELECT *, CASE WHEN ceil IS NOT NULL AND MAX(clamped, floor * 1000000) > ceil * 1000000
                   THEN ceil * 1000000 ELSE MAX(clamped, floor * 1000000) END AS railed
    FROM c
), f AS (
    SELECT *, (railed + 500000) / 1000000 AS newp FROM g
)
SELECT sku, title, stock_level, printf('%.2f', demand_score) AS demand_score,
       printf('%d.%02d', cur / 100, cur % 100) AS old_price,
       printf('%d.%02d', newp / 100, newp % 100) AS new_price,
       printf('%.2f', (newp - cur) * 100.0 / cur) AS change_pct,
       CASE WHEN stock_level < 20 THEN 'Low stock (' ELSE 'Normal stock (' END
           || stock_level || '), demand ' || printf('%.2f', demand_score) || ': '
           || printf('%+.1f %%', (proposed - cur * 1000000) * 100.0 / (cur * 1000000))
           || CASE WHEN proposed > cur * 1150000 THEN ', capped at +15 %'
                   WHEN proposed < cur * 850000 THEN ', capped at -15 %' ELSE '' END
           || CASE WHEN clamped < floor * 1000000 THEN '; raised to the floor'
                   WHEN ceil IS NOT NULL AND clamped > ceil * 1000000
                   THEN '; lowered to the maximum price' ELSE '' END AS reason
FROM f WHERE newp <> cur ORDER BY id;
