ALTER TABLE uploads DROP COLUMN item_no;
