#!/bin/sh
# The compose stack's passwords (service "secrets", one-shot, before anything reads them). A
# password is generated on the first start only: each lives in its own named volume and is kept
# across restarts, rebuilds and `docker compose down` (not `down -v`). Files are root-owned and
# readable by the group SECRETS_GID only; the services that read a secret mount its volume
# read-only and join that group (group_add). Nothing is printed but the file names.
#   db-secret      /password                      PostgreSQL role food; Connect and init read it
#   ui-secret      /spring.security.user.password Kafbat UI login (profile ui)
#   grafana-secret /admin-password                Grafana admin (profile monitoring)
set -eu

gid="${SECRETS_GID:?SECRETS_GID must name the readers group}"

# secret FOLDER NAME: FOLDER/NAME holds 32 random letters and digits, without a newline.
secret() {
  folder=$1
  file=$1/$2
  chown "0:$gid" "$folder"
  chmod 0750 "$folder"
  if [ -s "$file" ]; then
    echo "secrets: kept $file"
  else
    (umask 077 && LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 >"$file.new")
    mv "$file.new" "$file"
    echo "secrets: generated $file"
  fi
  chown "0:$gid" "$file"
  chmod 0440 "$file"
}

secret /secrets/db password
secret /secrets/ui spring.security.user.password
secret /secrets/grafana admin-password
