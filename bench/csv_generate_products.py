#!/usr/bin/env python3
"""Writes N products in MerchantDesk's native products CSV (about 50 bytes a row), for the
CSV import benchmark. Deterministic: the same N gives the same file.

    bench/csv_generate_products.py 1000000 products.csv
"""
import random
import sys

ADJECTIVES = ["Organic", "Classic", "Deluxe", "Mini", "Rustic", "Smoky", "Fresh", "Bold",
              "Gentle", "Spiced", "Golden", "Wild", "Dark", "Bright", "Soft", "Crisp"]
NOUNS = ["Coffee", "Tea", "Mug", "Candle", "Soap", "Pen", "Notebook", "Scarf", "Bowl",
         "Spoon", "Kettle", "Filter", "Biscuit", "Jam", "Honey", "Grinder"]
CATEGORIES = ["Coffee", "Tea", "Kitchen", "Home", "Stationery", "Pets", "Bath", "Pantry",
              "Baking", "Gifts"]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: csv_generate_products.py ROWS OUT.csv")
    rows = int(sys.argv[1])
    rng = random.Random(20260301)
    with open(sys.argv[2], "w", encoding="utf-8", newline="") as out:
        out.write("sku,title,category,cost,base_price,current_price,min_price,max_price,"
                  "stock_level,demand_score\n")
        for i in range(1, rows + 1):
            base = rng.randint(199, 19999)
            cost = base * rng.randint(30, 70) // 100
            current = base - base * rng.choice((0, 0, 0, 5, 10, 20)) // 100
            title = "%s %s" % (rng.choice(ADJECTIVES), rng.choice(NOUNS))
            if i % 50 == 0:  # some titles need quoting
                title = '"%s, ""gift"" edition"' % title
            bounds = ""
            if i % 4 == 0:
                bounds = "%d.%02d,%d.%02d" % (cost // 100, cost % 100,
                                              (base * 2) // 100, (base * 2) % 100)
            else:
                bounds = ","
            out.write("P%07d,%s,%s,%d.%02d,%d.%02d,%d.%02d,%s,%d,%d.%02d\n" % (
                i, title, rng.choice(CATEGORIES), cost // 100, cost % 100, base // 100,
                base % 100, current // 100, current % 100, bounds, rng.randint(0, 500),
                rng.randint(0, 9), rng.randint(0, 99)))


if __name__ == "__main__":
    main()
