DROP TABLE notice_links;
DROP TABLE notices;
DROP TABLE rectification_items;
DROP TABLE recipient_categories;
DROP TABLE recipients;
