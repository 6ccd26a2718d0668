import { LoadingRegion, Skeleton } from '@/components/ui/skeleton';

export default function DashboardLoading() {
  return (
    <LoadingRegion label="Loading page" className="flex flex-col gap-4">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-32 w-full" />
      <Skeleton className="h-32 w-full" />
    </LoadingRegion>
  );
}
