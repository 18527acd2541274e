-- GENERATED from order-model's dev.foodpipeline.model.sink (SinkSchema, the *Table classes):
-- do not edit. Change the description there, then regenerate this file with
--   ./mvnw -B -ntp -q -pl order-model test -Dtest=SchemaFileTest -Dschema.write=true
-- (order-model's SchemaFileTest fails while the two differ).
--
-- Tables written by the Debezium JDBC sink (connect/connectors/*.json).
-- Applied by ConnectorRegistrar --schema before the connectors start; safe to run again.
--
-- Why pre-create instead of letting schema.evolution=basic create them (it can, and it does
-- take the primary key from the record key; JdbcSinkIT checks both ways):
--   * exact types: money is numeric(12,2) and instants are timestamptz, where the sink would
--     create numeric(38,2) and "timestamp without time zone" (holding UTC);
--   * written_at: when the row was first written, filled by PostgreSQL's clock, for end-to-end
--     latency in SQL. The sink never names this column, so an upsert leaves it as it was: a
--     replayed or updated record does not move written_at (see connect/README.md). It is
--     indexed where the dashboard reads the last minute's rows every second.
-- NOT NULL follows the record contract: a field that the Connect schema marks optional is
-- nullable. Columns are the records' snake_case field names. schema.evolution=basic still adds
-- a column when a record brings a new optional field.

-- orders: one row per accepted order, enriched.
-- From topic food-orders-processed, upserted on the record key: order_id.
CREATE TABLE IF NOT EXISTS orders (
    order_id             text          NOT NULL,
    customer_id          text          NOT NULL,
    restaurant_id        text          NOT NULL,
    restaurant_name      text          NOT NULL,
    cuisine              text          NOT NULL,
    city                 text          NOT NULL,
    item_count           integer       NOT NULL,
    subtotal             numeric(12,2) NOT NULL,
    tax                  numeric(12,2) NOT NULL,
    delivery_fee         numeric(12,2) NOT NULL,
    total                numeric(12,2) NOT NULL,
    delivery_street      text          NOT NULL,
    delivery_city        text          NOT NULL,
    delivery_postal_code text          NOT NULL,
    created_at           timestamptz   NOT NULL,
    estimated_ready_at   timestamptz   NOT NULL,
    processed_at         timestamptz   NOT NULL,
    source_partition     integer       NOT NULL,
    source_offset        bigint        NOT NULL,
    written_at           timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT orders_pkey PRIMARY KEY (order_id)
);
CREATE INDEX IF NOT EXISTS orders_written_at ON orders (written_at);

-- order_items: one row per line of an accepted order.
-- From topic food-order-items, upserted on the record key: order_id + line_no.
CREATE TABLE IF NOT EXISTS order_items (
    order_id     text          NOT NULL,
    line_no      integer       NOT NULL,
    menu_item_id text          NOT NULL,
    item_name    text          NOT NULL,
    quantity     integer       NOT NULL,
    unit_price   numeric(12,2) NOT NULL,
    line_total   numeric(12,2) NOT NULL,
    written_at   timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no)
);

-- rejected_orders: one row per rejected input record, with its reason and original text; order_id,
-- raw and rejected_at are NULL when the record had none that could be read.
-- From topic food-orders-rejected, upserted on the record key: source_topic + source_partition + source_offset.
CREATE TABLE IF NOT EXISTS rejected_orders (
    source_topic     text        NOT NULL,
    source_partition integer     NOT NULL,
    source_offset    bigint      NOT NULL,
    order_id         text,
    reason_code      text        NOT NULL,
    reason           text        NOT NULL,
    raw              text,
    rejected_at      timestamptz,
    written_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT rejected_orders_pkey PRIMARY KEY (source_topic, source_partition, source_offset)
);
CREATE INDEX IF NOT EXISTS rejected_orders_written_at ON rejected_orders (written_at);

-- restaurant_stats: one row per restaurant and 1-minute window, written once the window is final
-- (the Streams app suppresses updates until the window's grace period has passed); a replay upserts
-- the same row.
-- From topic restaurant-stats, upserted on the record key: restaurant_id + window_start.
CREATE TABLE IF NOT EXISTS restaurant_stats (
    restaurant_id text          NOT NULL,
    window_start  timestamptz   NOT NULL,
    window_end    timestamptz   NOT NULL,
    order_count   bigint        NOT NULL,
    revenue       numeric(12,2) NOT NULL,
    written_at    timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT restaurant_stats_pkey PRIMARY KEY (restaurant_id, window_start)
);

-- notifications: one row per notification the notification service made: to a customer (ORDER_*)
-- or to a restaurant (KITCHEN_*); columns a type does not use are NULL.
-- From topic order-notifications, upserted on the value's notification_id.
CREATE TABLE IF NOT EXISTS notifications (
    notification_id    text          NOT NULL,
    type               text          NOT NULL,
    customer_id        text,
    restaurant_id      text,
    order_id           text,
    message            text          NOT NULL,
    total              numeric(12,2),
    estimated_ready_at timestamptz,
    reason_code        text,
    orders_in_window   bigint,
    capacity           bigint,
    event_at           timestamptz   NOT NULL,
    notified_at        timestamptz   NOT NULL,
    written_at         timestamptz   NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT notifications_pkey PRIMARY KEY (notification_id)
);
CREATE INDEX IF NOT EXISTS notifications_written_at ON notifications (written_at);
