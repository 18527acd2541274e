#!/usr/bin/env bash
# Deletes the food pipeline's CloudFormation stack: the instance, its volume (and so the Kafka and
# PostgreSQL data), the security group and the IAM role. Nothing is left that costs money.
#
#   aws/destroy.sh [--dry-run] [--yes] [--stack-name NAME] [--region REGION]
#
#   --dry-run     print the aws commands instead of running them (needs no AWS CLI)
#   --yes         do not ask for confirmation
#   --stack-name  default food-pipeline
#   --region      default: the AWS CLI's configured region
set -euo pipefail

dry_run=false
assume_yes=false
stack_name=food-pipeline
region=""

usage() {
  sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

die() {
  printf 'destroy: %s\n' "$1" >&2
  exit 2
}

value_of() {
  [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || die "$1 needs a value"
  printf '%s' "$2"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) dry_run=true; shift ;;
    --yes) assume_yes=true; shift ;;
    --stack-name) stack_name="$(value_of "$@")"; shift 2 ;;
    --region) region="$(value_of "$@")"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

region_args=()
if [[ -n "$region" ]]; then
  region_args=(--region "$region")
fi

run() {
  if [[ "$dry_run" == true ]]; then
    printf '%q ' "$@"
    printf '\n'
  else
    "$@"
  fi
}

if [[ "$dry_run" != true ]]; then
  command -v aws > /dev/null 2>&1 || die "the AWS CLI is not installed (--dry-run works without it)"
  if [[ "$assume_yes" != true ]]; then
    [[ -t 0 ]] || die "not a terminal: pass --yes to delete stack $stack_name"
    read -r -p "Delete stack $stack_name and all its data? Type the stack name to confirm: " answer
    [[ "$answer" == "$stack_name" ]] || die "not confirmed; nothing deleted"
  fi
fi

run aws cloudformation delete-stack "${region_args[@]}" --stack-name "$stack_name"
run aws cloudformation wait stack-delete-complete "${region_args[@]}" --stack-name "$stack_name"

if [[ "$dry_run" != true ]]; then
  printf 'destroy: stack %s deleted\n' "$stack_name" >&2
fi
