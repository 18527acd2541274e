#!/usr/bin/env bash
# The compose stack's one-shot setup (service "init"). Every step is idempotent, so it runs on
# every `docker compose up`:
#   1. the topics, from the code registry (order-generator topics),
#   2. the restaurant catalogue (compacted topic; the same seed gives the same records),
#   3. the PostgreSQL schema and the sink connectors (ConnectorRegistrar: PUT each file of
#      connect/connectors, wait until RUNNING). No secret passes through here: the connectors name
#      the generated secret (${directory:/run/secrets/food-db:password}, a volume this container
#      mounts as Connect does), and the registrar reads it from there for the schema.
set -euo pipefail

bootstrap="${FOOD_BOOTSTRAP_SERVERS:-kafka:9092}"
connect_url="${FOOD_CONNECT_URL:-http://connect:8083}"
jdbc_url="${FOOD_JDBC_URL:-jdbc:postgresql://postgres:5432/food}"
db_user="${FOOD_DB_USER:-food}"

echo "init: creating topics on ${bootstrap}"
java -jar /app/order-generator.jar topics --bootstrap-servers "${bootstrap}"

echo "init: publishing the restaurant catalogue"
java -jar /app/order-generator.jar restaurants --bootstrap-servers "${bootstrap}"

echo "init: applying the schema and registering the connectors at ${connect_url}"
java -cp '/app/connect-lib/*' dev.foodpipeline.connect.ConnectorRegistrar \
  --connect-url "${connect_url}" \
  --schema /app/connect/sql/schema.sql \
  --jdbc-url "${jdbc_url}" --jdbc-user "${db_user}" \
  -c "connection.url=${jdbc_url}" \
  -c "connection.username=${db_user}" \
  --timeout "${FOOD_REGISTRAR_TIMEOUT_SECONDS:-180}" \
  /app/connect/connectors

echo "init: done"
