#!/usr/bin/env bash
# Deploys the food pipeline to one EC2 instance with CloudFormation (aws/food-pipeline.yaml):
# creates or updates the stack, waits for it, prints its outputs. Needs only the AWS CLI and
# credentials allowed to create the stack's IAM role, security group and instance.
#
#   aws/deploy.sh [--dry-run] [--stack-name NAME] [--region REGION] [--instance-type TYPE]
#                 [--allowed-cidr CIDR] [--repo-url URL] [--repo-token-parameter NAME]
#                 [--ref REF] [--profiles LIST]
#
#   --dry-run        print the aws commands instead of running them (needs no AWS CLI)
#   --stack-name     default food-pipeline
#   --region         default: the AWS CLI's configured region
#   --instance-type  default t2.small
#   --allowed-cidr   a CIDR of /24 to /32 that may reach the web ports (default: none; use an
#                    SSM tunnel)
#   --repo-url       the repository to clone, without credentials (default: this clone's
#                    origin, as https)
#   --repo-token-parameter  for a private repository: the name of an SSM SecureString holding a
#                    read token, e.g. /food-pipeline/git-token (the instance reads it; default none)
#   --ref            branch or tag to deploy (default main)
#   --profiles       compose profiles to enable, e.g. monitoring (default: none)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
template="$here/food-pipeline.yaml"

dry_run=false
stack_name=food-pipeline
region=""
instance_type=t2.small
allowed_cidr=""
repo_url=""
repo_token_parameter=""
ref=main
profiles=""

usage() {
  sed -n '2,21s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

die() {
  printf 'deploy: %s\n' "$1" >&2
  exit 2
}

# The value of an option, or a clear error when it is missing.
value_of() {
  [[ $# -ge 2 && -n "$2" && "$2" != --* ]] || die "$1 needs a value"
  printf '%s' "$2"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dry-run) dry_run=true; shift ;;
    --stack-name) stack_name="$(value_of "$@")"; shift 2 ;;
    --region) region="$(value_of "$@")"; shift 2 ;;
    --instance-type) instance_type="$(value_of "$@")"; shift 2 ;;
    --allowed-cidr) allowed_cidr="$(value_of "$@")"; shift 2 ;;
    --repo-url) repo_url="$(value_of "$@")"; shift 2 ;;
    --repo-token-parameter) repo_token_parameter="$(value_of "$@")"; shift 2 ;;
    --ref) ref="$(value_of "$@")"; shift 2 ;;
    --profiles) profiles="$(value_of "$@")"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

# The template refuses a prefix shorter than /24 (AllowedCidr's AllowedPattern); say so before AWS does.
if [[ -n "$allowed_cidr" ]]; then
  prefix="${allowed_cidr##*/}"
  if [[ "$allowed_cidr" != */* || ! "$prefix" =~ ^[0-9]+$ || "$prefix" -lt 24 || "$prefix" -gt 32 ]]; then
    die "--allowed-cidr $allowed_cidr would open the web ports to the world or to too many addresses; give an IPv4 CIDR of /24 to /32, e.g. your own 203.0.113.7/32"
  fi
fi

# An ssh or https origin of GitHub-style hosts becomes an https URL the instance can clone.
origin_as_https() {
  local origin
  origin="$(git -C "$here/.." remote get-url origin 2>/dev/null)" || return 1
  case "$origin" in
    git@*:*) origin="https://${origin#git@}"; origin="${origin/:/\/}" ;;
    ssh://git@*) origin="https://${origin#ssh://git@}" ;;
  esac
  [[ "$origin" == https://* ]] || return 1
  printf '%s' "$origin"
}

if [[ -z "$repo_url" ]]; then
  repo_url="$(origin_as_https)" || die "no https origin found; pass --repo-url https://.../food-pipeline.git"
fi
# A token in the URL would be in the stack's parameters, the instance's UserData and .git/config.
if [[ "${repo_url#https://}" == *@* ]]; then
  die "the repository URL carries credentials; give it without them and put the token in SSM Parameter Store (--repo-token-parameter NAME, aws/README.md)"
fi

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

if [[ "$dry_run" != true ]] && ! command -v aws > /dev/null 2>&1; then
  die "the AWS CLI is not installed (--dry-run works without it)"
fi

printf 'deploy: stack %s, %s, repository %s@%s\n' "$stack_name" "$instance_type" "$repo_url" "$ref" >&2

run aws cloudformation deploy "${region_args[@]}" \
  --stack-name "$stack_name" \
  --template-file "$template" \
  --capabilities CAPABILITY_IAM \
  --no-fail-on-empty-changeset \
  --tags Project=food-pipeline \
  --parameter-overrides \
    "InstanceType=$instance_type" \
    "AllowedCidr=$allowed_cidr" \
    "RepositoryUrl=$repo_url" \
    "RepositoryRef=$ref" \
    "RepositoryTokenParameter=$repo_token_parameter" \
    "ComposeProfiles=$profiles"

run aws cloudformation describe-stacks "${region_args[@]}" \
  --stack-name "$stack_name" \
  --query "Stacks[0].Outputs[].[OutputKey,OutputValue]" \
  --output text

if [[ "$dry_run" != true ]]; then
  printf '\ndeploy: the instance now installs Docker and builds the images (10 to 20 minutes on a t2.small).\n' >&2
  printf 'deploy: follow it with the ShellCommand above, then: sudo tail -f /var/log/food-pipeline-setup.log\n' >&2
fi
