#pragma once

// The words the demo shop is made of: categories with their price levels, sub-categories, title
// words and sizes, and customer names. Shop data, not interface text, so it is not translated:
// a translated catalogue would make the same seed give different rows in another language.

#include <vector>

namespace md {

class DemoVocabulary
{
public:
    struct Subcategory
    {
        const char *noun;  // "Whole Beans": the sub-category and the end of a title
        const char *sizes; // "250 g;500 g;1 kg", or "" when the title carries no size
    };

    struct Category
    {
        const char *name;
        const char *code; // SKU prefix
        int medianPriceCents;
        double priceSpread; // sigma of the log-normal base price
        double popularity;  // share of the shop's sales
        double assortment;  // share of the catalogue
        std::vector<const char *> descriptors;
        std::vector<Subcategory> subcategories;
    };

    static const std::vector<Category> &categories();
    static const std::vector<const char *> &firstNames();
    static const std::vector<const char *> &lastNames();
};

} // namespace md
